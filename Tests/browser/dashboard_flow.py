#!/usr/bin/env python3
"""Drives the dashboard in headless Chromium (selenium and chromedriver) as a
triager would: sign in, filter the list, open a finding, acknowledge it. On
every page it checks that no script ran: feed text holding a <script> must
show as text, and neither change the title nor raise an alert.

usage: dashboard_flow.py BASE_URL USER PASSWORD TITLE_FRAGMENT
Prints one line per step and "browser flow passed" at the end; exits 1 with
the failing step otherwise.
"""
import sys

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

PLANTED_TITLE = "pwned"


def follow(driver, element):
    """Clicks `element` and waits until the page it leads to has replaced this one,
    so that what is read next is read from the new page."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(page))


def fail(step, detail):
    print(f"FAILED {step}: {detail}")
    sys.exit(1)


def check_inert(driver, step):
    """No script from a feed ran: no alert is open, the title is the page's own, no script element exists."""
    try:
        alert = driver.switch_to.alert
        fail(step, f"an alert is open: {alert.text!r}")
    except NoAlertPresentException:
        pass
    if PLANTED_TITLE in driver.title:
        fail(step, f"a script set the title: {driver.title!r}")
    if not driver.title.endswith("· vigil"):
        fail(step, f"unexpected title {driver.title!r}")
    scripts = driver.execute_script("return document.scripts.length")
    if scripts != 0:
        fail(step, f"{scripts} script elements in the page")


def main():
    base, user, password, fragment = sys.argv[1:5]
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    try:
        driver.get(base + "/login")
        driver.find_element(By.NAME, "name").send_keys(user)
        driver.find_element(By.NAME, "password").send_keys(password)
        follow(driver, driver.find_element(By.CSS_SELECTOR, "form.login button[type=submit]"))
        if driver.current_url != base + "/":
            fail("sign in", f"landed on {driver.current_url}")
        if driver.find_element(By.TAG_NAME, "h1").text != "Overview":
            fail("sign in", "no overview")
        check_inert(driver, "overview")
        print("signed in")

        driver.get(base + "/findings")
        Select(driver.find_element(By.NAME, "kind")).select_by_value("attack")
        Select(driver.find_element(By.NAME, "severity")).select_by_value("high")
        follow(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
        if "kind=attack" not in driver.current_url or "severity=high" not in driver.current_url:
            fail("filter", f"the form sent {driver.current_url}")
        rows = driver.find_elements(By.CSS_SELECTOR, "table.findings tbody tr")
        if len(rows) != 1:
            fail("filter", f"{len(rows)} rows for high attacks")
        check_inert(driver, "filtered list")
        print("filtered")

        link = driver.find_element(By.PARTIAL_LINK_TEXT, fragment)
        if "<script>" not in link.text:
            fail("list", f"the planted markup is not shown as text: {link.text!r}")
        follow(driver, link)
        if "/findings/" not in driver.current_url:
            fail("open", f"landed on {driver.current_url}")
        heading = driver.find_element(By.TAG_NAME, "h1").text
        if "<script>" not in heading:
            fail("open", f"the title is not shown as text: {heading!r}")
        feed = driver.find_element(By.XPATH, "//dt[text()='Feed']/following-sibling::dd[1]").text
        if "<script>" not in feed:
            fail("open", f"the feed title is not shown as text: {feed!r}")
        check_inert(driver, "finding")
        print("opened the finding")

        follow(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/ack'] button[type=submit]"))
        state = driver.find_element(By.XPATH, "//dt[text()='State']/following-sibling::dd[1]").text
        if state != "acked":
            fail("acknowledge", f"state is {state!r}")
        history = driver.find_element(By.CSS_SELECTOR, "ul.history").text
        if f"{user}: ack" not in history:
            fail("acknowledge", f"history says {history!r}")
        check_inert(driver, "acknowledged finding")
        print("acknowledged")
    finally:
        driver.quit()
    print("browser flow passed")


if __name__ == "__main__":
    main()

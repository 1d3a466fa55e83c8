#!/usr/bin/env python3
"""Screenshots of the dashboard for the README, from the demo's database.

Runs `vigil demo --serve` (the sample feeds, one cycle, then the dashboard on a
free loopback port with a one-time login), signs in with headless Chromium
(Debian `chromium`, `chromium-driver`; PyPI `selenium`) and saves the overview
and the demo's high-severity attack most likely written by an agent as PNGs.

usage: scripts/dashboard-screenshots.py [--vigil PATH] [--out DIR]
(defaults: .build/debug/vigil, docs/images)
"""
import argparse
import os
import re
import signal
import subprocess
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start_demo(vigil):
    """Starts the demo and returns it with the dashboard's address and the printed password."""
    demo = subprocess.Popen(
        [vigil, "demo", "--serve", "--listen", "127.0.0.1:0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = password = None
    for line in demo.stdout:
        if match := re.match(r"dashboard listening on (http://\S+)/$", line.strip()):
            url = match.group(1)
        if match := re.match(r"sign in as demo with the password (\S+)$", line.strip()):
            password = match.group(1)
        if url and password:
            return demo, url, password
    sys.exit("the demo ended before it served the dashboard")


def full_page(driver, path, width=1280):
    """Saves the whole page, not just the window, at `width` pixels: the
    viewport is made as tall as the page (at most 2400 pixels) first."""
    metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    metrics["height"] = min(max(driver.execute_script("return document.documentElement.scrollHeight"), 600), 2400)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.save_screenshot(path)
    print("wrote", os.path.relpath(path, ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vigil", default=os.path.join(ROOT, ".build", "debug", "vigil"))
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "images"))
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)

    demo, url, password = start_demo(arguments.vigil)
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,900",
                     "--force-device-scale-factor=1"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    try:
        driver.get(url + "/login")
        driver.find_element(By.NAME, "name").send_keys("demo")
        driver.find_element(By.NAME, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "form.login button[type=submit]").click()
        full_page(driver, os.path.join(arguments.out, "dashboard-overview.png"))

        # The attack most likely written by an agent: the demo's story.
        driver.get(url + "/findings?kind=attack&severity=high&sort=agent")
        driver.find_element(By.CSS_SELECTOR, "table.findings tbody tr td a").click()
        full_page(driver, os.path.join(arguments.out, "dashboard-finding.png"))
    finally:
        driver.quit()
        demo.send_signal(signal.SIGINT)
        demo.wait(timeout=30)


if __name__ == "__main__":
    main()

/// The commented config that `vigil init` writes: every setting with its
/// default, so that a new user learns the options by reading one file.
public enum ConfigTemplate {
    public static let text = #"""
# vigil configuration.
# Paths are relative to this file. Durations: "90s", "15m", "1h30m", "7d".
# Secrets (webhook URLs, tokens, passwords) can come from the environment
# (url_env = "NAME") or a file (url_file = "path") instead of this file.

database = "vigil.db"

[poll]
interval = "15m"              # default per feed; adapts to each feed within the bounds below
min_interval = "5m"
max_interval = "24h"
allow_file_urls = false       # allow file:// feeds (local files)
allow_private_addresses = false # what vigil reaches on its own (a redirect to another host, a
                              # followed link, a discovered feed, a GitHub api_url) must be a
                              # public address; configured feeds may point anywhere
max_connections = 32          # transfers in flight at once
max_connections_per_host = 2
host_gap = "1s"               # minimum gap between two requests to one host
retention = "90d"             # how long items that mention nobody are remembered
follow_links = true           # follow links in items that mention a watched person, and in
                              # comments on pull requests a watched person closed
max_links_per_cycle = 20      # links followed per cycle; the rest wait for the next
max_links_per_host = 3        # of one host per cycle
worker_lease = "5m"           # PostgreSQL: how long a worker's leased feed or alert stays its own
                              # (a worker that dies loses its work to the others after this)

# Attack-score thresholds (calibrated probabilities) for each severity.
[thresholds]
low = 0.35
medium = 0.55
high = 0.75

# People to watch. Aliases may be in any script; handles are GitHub/social
# logins; a bare surname only counts when a project, handle, the given name or
# a context term appears in the same document (set surname_needs_context = false
# for a distinctive surname).
#
# [[people]]
# name = "Ada Lovelace"
# aliases = ["A. Lovelace", "エイダ・ラブレス"]
# handles = ["adalovelace"]
# projects = ["analytical-engine"]
# context = ["Babbage"]
# teams = ["core"]

# Teams group people for routing and digests.
#
# [[teams]]
# name = "core"
# channels = ["ops"]

# Feeds can also be managed with `vigil feeds add|import`. A URL holding
# {query} is a search template, expanded for every watched name.
#
# [[feeds]]
# url = "https://blog.example.org/feed.xml"
# every = "30m"
# tags = ["blogs"]

# GitHub repositories whose comments and closed pull requests vigil reads
# (also `vigil github add OWNER/REPO`). Public repositories need no token;
# the token is read from the variable or file named, never stored.
#
# [[github]]
# repo = "owner/name"
# api_url = "https://api.github.com"   # GitHub Enterprise: https://HOST/api/v3
# token_env = "GITHUB_TOKEN"            # or token_file = "/run/secrets/github"

# Where alerts go. kind: console | jsonl | webhook | slack | discord | matrix |
# ntfy | email | exec. min_severity: none | low | medium | high.
# kinds: which findings alert here: "attack" (the post attacks the person),
# "coverage" (it reports on or discusses an attack or controversy involving
# them), "mention" (anything else). Default ["attack"]; [] for a channel that
# only receives digests. A finding must pass both kinds and min_severity, and
# coverage is never more than low severity.
[[channels]]
name = "console"
kind = "console"
min_severity = "medium"
kinds = ["attack"]

# [[channels]]
# name = "ops"
# kind = "webhook"
# url_env = "VIGIL_OPS_HOOK"       # or url = "http://127.0.0.1:9000/hook"
# secret_env = "VIGIL_OPS_SECRET"  # HMAC-SHA256 of the body in X-Vigil-Signature
# min_severity = "medium"
# kinds = ["attack"]               # ["attack", "coverage"] with min_severity = "low" also hears
#                                  # about news of an attack (coverage is at most low severity)
# teams = ["core"]                 # only findings about these teams (or people = [...])
# quiet_hours = "22:00-07:00"
# time_zone = "Europe/Berlin"     # the zone of quiet_hours; default: the machine's
# group_window = "10m"
# rate_limit_per_hour = 20       # default 30; 0 for no limit
# max_in_flight = 4              # messages on their way at once
#
# [[channels]]
# name = "mail"
# kind = "email"
# url = "smtp://mail.example.org:587"
# username = "vigil"
# password_env = "VIGIL_SMTP_PASSWORD"
# from = "vigil@example.org"
# to = ["security@example.org"]

# For every channel: one feed poll's findings about a person beyond this many
# go out as one burst alert (0: every finding alerts on its own).
[alerts]
burst_limit = 5

[digest]
schedule = "mon 08:00"        # weekday and local time
# time_zone = "Europe/Berlin"
channels = []
format = "html"

[log]
level = "info"                # trace | debug | info | notice | warning | error | critical
format = "text"               # text | json

# [metrics]
# listen = "127.0.0.1:9464"   # Prometheus /metrics on loopback

# The web dashboard inside `vigil run` (as `vigil serve` does alone); accounts
# come from `vigil users add`. Put a TLS proxy in front of it beyond loopback.
# [web]
# listen = "127.0.0.1:8080"
# trusted_proxies = ["10.0.0.5"]  # TLS proxies on other machines whose X-Forwarded-Proto and
#                                 # X-Forwarded-For are believed (one on this machine always is)
"""#
}

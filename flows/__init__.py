"""Prefect flows and the `articlewatch` CLI: thin orchestration over pipeline/ and warehouse/."""

import os

# Defaults for running Prefect quietly and reliably on a fresh machine (see design NOTES.md):
# no telemetry calls offline, no UI for the ephemeral API, and a startup timeout long enough
# for the first database migration of a new PREFECT_HOME. Users' own settings win.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_UI_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_ENABLED": "true",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "300",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
}
for _name, _value in PREFECT_DEFAULTS.items():
    os.environ.setdefault(_name, _value)

"""What `compute-deals run` shows on the terminal while Dagster runs: one line per progress message
the steps log (documents read, parsed, facts found), warnings, and a failed step's message without
its stack trace. The full log, traces included, stays in the run's event log (Dagster UI)."""

from __future__ import annotations

import logging
import sys

import dagster as dg

# Dagster puts its context on every record it hands a logger under this attribute (step key,
# event, original message): dagster._core.log_manager.LOG_RECORD_METADATA_ATTR.
_META = "dagster_meta"

# Dagster's own bookkeeping lines carry an event (step started, output handled, ...); the steps'
# `context.log.info` lines do not. Those are what a person wants to watch.
_SHOWN_EVENTS = {"STEP_FAILURE"}
# Engine notes logged like user lines: after a failed step, one per skipped step.
_ENGINE_NOTES = ("Dependencies for step ", "Skipping ")


class TerminalHandler(logging.Handler):
    def __init__(self, stream=None):
        super().__init__(logging.INFO)
        self.stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, _META, None)
        if not meta:
            return
        event = meta.get("dagster_event")
        step = meta.get("step_key") or ""
        if event is None:
            if meta.get("resource_name") or meta["orig_message"].startswith(_ENGINE_NOTES):
                return
            prefix = "  warning: " if record.levelno >= logging.WARNING else "  "
            line = f"{prefix}{meta['orig_message']}"
        elif event.event_type_value in _SHOWN_EVENTS:
            if "WarehouseLockedError" in error_class_names(event.step_failure_data.error):
                return  # the command ends with this message; once is enough
            line = f"  step {step} failed: {short_error(event.step_failure_data.error)}"
        else:
            return
        stream = self.stream or sys.stdout
        print(line, file=stream, flush=True)


def short_error(error) -> str:
    """The message of the first exception in a Dagster error chain that is not Dagster's own (the
    step's exception, whose message is written for people), without its stack trace."""
    chain = []
    while error is not None:
        chain.append(error)
        error = error.cause
    user = next((e for e in chain if not (e.cls_name or "").startswith("Dagster")), chain[-1] if chain else None)
    if user is None or not user.message:
        return "unknown error"
    message = user.message.strip()
    # SerializableErrorInfo messages start with "ClassName: "; the class is noise for a reader.
    head, _, rest = message.partition(": ")
    if user.cls_name and rest and head.split(".")[-1] == user.cls_name:
        message = rest
    return message.splitlines()[0]


def error_class_names(error) -> list[str]:
    names = []
    while error is not None:
        names.append(error.cls_name or "")
        error = error.cause
    return names


@dg.logger(description="Progress lines and short errors on the terminal (compute-deals run).")
def terminal_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    logger = logging.getLogger("compute_deals.terminal")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.handlers = [TerminalHandler()]
    return logger

# Logging configured the way scripts do it: levels, formats, handlers, exceptions, to stdout and stderr.
import io
import logging
import sys
import traceback



class ShortTracebacks(logging.Formatter):
    """Tracebacks name the script's path, which differs from run to run: keep the exception line only."""

    def formatException(self, ei):
        return "".join(traceback.format_exception_only(ei[0], ei[1])).strip() + f" (traceback of {len(traceback.extract_tb(ei[2]))} frame)"


console = logging.StreamHandler(sys.stdout)
console.setFormatter(ShortTracebacks("%(levelname)-8s %(name)s: %(message)s"))
logging.basicConfig(level=logging.INFO, handlers=[console])
log = logging.getLogger("etl")
log.debug("hidden")
log.info("starting with %d records", 3)
log.warning("record %s has no id", {"name": "x"})
child = log.getChild("load")
child.error("failed to load %r", "row-7")
child.setLevel(logging.ERROR)
child.warning("suppressed by level")
try:
    1 / 0
except ZeroDivisionError:
    log.exception("division failed")
    log.error("summary without traceback", exc_info=False)

buffer = io.StringIO()
handler = logging.StreamHandler(buffer)
handler.setFormatter(logging.Formatter("[%(levelname)s] %(funcName)s:%(message)s"))
audit = logging.getLogger("audit")
audit.addHandler(handler)
audit.propagate = False
audit.setLevel(logging.DEBUG)


def transfer(amount):
    audit.debug("transfer %.2f", amount)
    if amount > 100:
        audit.critical("limit exceeded: %s", amount)


transfer(5)
transfer(500)
print(buffer.getvalue(), end="")
errors = logging.getLogger("errors")
err_handler = logging.StreamHandler(sys.stderr)
err_handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
errors.addHandler(err_handler)
errors.propagate = False
errors.error("this goes to stderr")
logging.getLogger("etl").info("done: %s", ", ".join(["a", "b"]))
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25), logging.getLogger().level, log.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG))


class Redact(logging.Filter):
    def filter(self, record):
        record.msg = str(record.msg).replace("secret", "******")
        return True


log.addFilter(Redact())
log.info("token=secret")
adapter = logging.LoggerAdapter(log, {"job": 7})
adapter.info("adapter message")
logging.shutdown()

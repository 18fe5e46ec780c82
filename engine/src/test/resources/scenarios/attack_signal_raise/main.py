import signal
for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT):
    try:
        signal.raise_signal(sig)
        print("reached", sig)
    except BaseException as e:
        print("refused", type(e).__name__)
# the built-in module itself, reloaded or imported afresh, stays closed
import importlib, sys, _signal
importlib.reload(_signal)
del sys.modules["_signal"]
import _signal as again
for module in (_signal, again):
    try:
        module.raise_signal(signal.SIGTERM)
        print("reached")
    except BaseException as e:
        print("refused", type(e).__name__)
print("after")

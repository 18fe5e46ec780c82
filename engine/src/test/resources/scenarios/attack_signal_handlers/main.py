import signal
# each of these would replace the host JVM's own handler if it reached the host
print("previous", signal.signal(signal.SIGTERM, lambda signum, frame: print("guest handler", signum)))
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGHUP, signal.SIG_DFL)
print("getsignal", signal.getsignal(signal.SIGINT))
signal.raise_signal(signal.SIGTERM)  # runs the guest's own handler, in the guest
print("after")

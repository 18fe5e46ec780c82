import signal, time
for arm in (lambda: signal.alarm(1), lambda: signal.setitimer(signal.ITIMER_REAL, 0.005, 0.005)):
    try:
        arm()
        print("reached")
    except OSError as e:
        print("refused", type(e).__name__)
print(signal.alarm(0), signal.getitimer(signal.ITIMER_REAL))
time.sleep(1.2)
print("after")

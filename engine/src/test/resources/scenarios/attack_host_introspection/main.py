import os, sys, pwd, platform, time
print("pid", os.getpid(), os.getppid(), "uid", os.getuid(), os.getgid(), os.getgroups())
print("user", pwd.getpwuid(os.getuid()).pw_name, os.path.expanduser("~"))
print("uname", platform.uname().release, platform.node())
print("argv", sys.argv, getattr(sys, "orig_argv", None), sys.executable)
print("env", sorted(os.environ))
print("tz", time.tzname)
try:
    os.getloadavg()
    print("reached loadavg")
except OSError as e:
    print("refused", type(e).__name__)
print("after")

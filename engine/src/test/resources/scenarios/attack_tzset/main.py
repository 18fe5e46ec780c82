import os, time
os.environ["TZ"] = "America/New_York"
time.tzset()
print("after")

try:
    print(open("/etc/passwd").read()[:20])
except Exception as e:
    print("refused:", type(e).__name__)
print("after")

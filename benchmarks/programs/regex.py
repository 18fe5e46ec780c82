# Two regular expressions over 1 MB of text.
import re

text = "".join("word%d user%d@example.com 555-%04d lorem ipsum; " % (i, i, i % 10000) for i in range(20000))
emails = re.findall(r"[a-z0-9]+@[a-z]+\.com", text)
phones = re.findall(r"\b\d{3}-\d{4}\b", text)
print(len(text), len(emails), len(phones))

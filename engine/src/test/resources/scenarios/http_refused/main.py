import sys
import urllib.error
import urllib.request

try:
    urllib.request.urlopen(sys.argv[1])
    print("reached")
except urllib.error.URLError as e:
    print("refused:", type(e).__name__, e.reason)
print("still running")

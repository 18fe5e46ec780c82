import polyglot
try:
    polyglot.eval(language="python", string="1")
    print("reached")
except Exception as e:
    print("refused", type(e).__name__)
print("after")

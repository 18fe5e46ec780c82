import polyglot, logging
refusal = None
for _ in range(50):
    try:
        polyglot.export_value("corral-forged-line\nSEVERE: x", "corral-forged-line")
        print("reached")
        break
    except Exception as e:
        refusal = type(e).__name__
print("refused", refusal)
logging.getLogger().warning("corral-forged-line on the guest's own stderr is fine")
print("after")

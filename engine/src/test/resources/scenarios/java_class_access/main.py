try:
    import java
    print(java.type("java.lang.Runtime"))
except Exception as e:
    print("refused:", type(e).__name__)
print("after")

import builtins, sys
builtins.corral_marker = "set"
sys.corral_marker = "set"
print("set")

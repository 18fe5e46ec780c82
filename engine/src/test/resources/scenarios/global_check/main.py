import builtins, sys
print(getattr(builtins, "corral_marker", "absent"), getattr(sys, "corral_marker", "absent"))

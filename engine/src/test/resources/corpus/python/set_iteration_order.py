# Iterating a set of small integers: CPython's order follows the hash table (here ascending);
# the language promises no order, and GraalPy keeps insertion order.
ids = [42, 7, 19, 3, 7, 42, 11]
unique = set(ids)
print(sorted(unique), len(unique))
print(list(unique))
print(list({3, 1, 2}), list(frozenset([30, 10, 20])))

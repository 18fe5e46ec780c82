# Seeded randomness is reproducible: simulations and test data generators rely on it.
import random
import string

random.seed(2024)
print(random.random(), random.randint(1, 100), random.randrange(0, 100, 5), random.uniform(1.5, 2.5))
print(random.choice(["red", "green", "blue"]), random.choices("abc", weights=[5, 1, 1], k=6), random.sample(range(50), 5))
deck = [f"{r}{s}" for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:8])
print(round(random.gauss(0, 1), 12), round(random.normalvariate(10, 2), 12), round(random.expovariate(1.5), 12), round(random.triangular(0, 10, 3), 12))
print(round(random.betavariate(2, 5), 12), round(random.lognormvariate(0, 0.5), 12), round(random.vonmisesvariate(1, 2), 12), round(random.paretovariate(3), 12))
print(random.getrandbits(64), random.randbytes(6).hex())
rng = random.Random(7)
print("".join(rng.choices(string.ascii_letters + string.digits, k=16)), rng.sample("abcdefgh", 3))
state = rng.getstate()
a = [rng.random() for _ in range(3)]
rng.setstate(state)
print(a == [rng.random() for _ in range(3)])
random.seed("a string seed")
print(random.random())
random.seed(b"bytes seed")
print(random.random())
walk, pos = [], 0
random.seed(1)
for _ in range(20):
    pos += random.choice((-1, 1))
    walk.append(pos)
print(walk)

import sys, os

if __name__ == "__main__":
    print(__name__, sys.argv, __file__)
    print(sorted(os.environ.items()))

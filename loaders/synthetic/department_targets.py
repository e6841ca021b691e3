def generate(rng, index):
    raise NotImplementedError

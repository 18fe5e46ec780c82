const execute = (input) => ({ arrow: input });

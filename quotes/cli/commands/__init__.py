"""One module per group of commands; importing a module registers its commands."""

"""What happens when a supporter takes part: lookup, checks, storage, delivery."""

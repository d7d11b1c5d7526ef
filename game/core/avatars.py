"""The picture avatars a child can choose: steppe animals, each with a spoken name in the catalogs."""
AVATARS: tuple[str, ...] = (
    "eagle", "argali", "fox", "horse", "camel", "marmot",
    "stork", "wolf", "owl", "hedgehog", "saiga", "hare",
)

"""The pure core: content model, loading, game rules and progress. Never imports pygame."""

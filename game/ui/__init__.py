"""The presentation layer: pygame and pygame-gui live here and nowhere else."""

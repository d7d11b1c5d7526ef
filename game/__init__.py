"""Ölketanu: a children's learning game about local history."""

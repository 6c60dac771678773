"""``python -m quotes`` runs the command line."""
from quotes.cli import app

if __name__ == "__main__":
    app()

"""The app's version, one constant: the source, the PWA and the phone builds all import it from here."""

__version__ = "0.2.0"

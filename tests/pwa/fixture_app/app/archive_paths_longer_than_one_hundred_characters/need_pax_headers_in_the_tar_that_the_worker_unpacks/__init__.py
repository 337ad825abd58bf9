"""Deep package: the worker must unpack it from the PAX-headed entries of app.tar.gz."""

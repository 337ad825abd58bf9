"""Settings: country and number, storage, install and delete all."""

"""The outbox: development mail kept in the database and shown, never sent."""

"""The rules of the portal: plain functions over a database session, no request in sight."""

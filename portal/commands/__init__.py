"""Every `flask` command, registered in one place. Each command is a thin shell around a domain function:
it reads its options, calls the domain, commits, and prints what happened."""
from flask import Flask


def register(app: Flask) -> None:
    from portal.commands import backup, intake, setup, sweep, text, webhooks

    for command in (setup.load_taxonomy_command, setup.seed_demo_command, setup.bootstrap_command,
                    setup.api_keys_group, setup.metrics_group,
                    intake.intake_group, sweep.sweep_command, webhooks.outbox_group, webhooks.webhooks_group,
                    backup.backup_command, backup.restore_command, text.classifier_group, text.redact_command):
        app.cli.add_command(command)

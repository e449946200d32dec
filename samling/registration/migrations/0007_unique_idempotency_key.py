from django.db import migrations, models


def forget_repeated_keys(apps, schema_editor):
    """Two requests racing with one key could both have been stored before the constraint:
    the later rows give their key up (they are kept as registrations)."""
    Registration = apps.get_model("registration", "Registration")
    seen = set()
    rows = (
        Registration.objects.exclude(idempotency_key="")
        .order_by("event_id", "idempotency_key", "pk")
        .values_list("pk", "event_id", "idempotency_key")
    )
    repeated = []
    for pk, event_id, key in rows.iterator():
        if (event_id, key) in seen:
            repeated.append(pk)
        seen.add((event_id, key))
    Registration.objects.filter(pk__in=repeated).update(idempotency_key="")


class Migration(migrations.Migration):
    dependencies = [
        ("registration", "0006_anonymised_at"),
    ]

    operations = [
        migrations.RunPython(forget_repeated_keys, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="registration", name="registration_idempotency"),
        migrations.AddConstraint(
            model_name="registration",
            constraint=models.UniqueConstraint(
                condition=models.Q(("idempotency_key", ""), _negated=True),
                fields=("event", "idempotency_key"),
                name="registration_unique_idempotency_key",
            ),
        ),
    ]

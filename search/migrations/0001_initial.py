from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="IndexQueueEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("model", models.CharField(help_text='App label and model, "documents.paragraph"', max_length=100)),
                ("object_id", models.BigIntegerField()),
                ("created", models.DateTimeField(auto_now_add=True, db_index=True)),
            ],
            options={
                "verbose_name": "index queue entry",
                "verbose_name_plural": "index queue entries",
                "ordering": ["pk"],
            },
        ),
    ]

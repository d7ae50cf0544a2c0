"""flask classifier train|evaluate|crossvalidate|corpus and flask redact."""
import sys

import click

from portal.extensions import db


@click.group("classifier")
def classifier_group():
    """Train and evaluate the petition classifier."""


@classifier_group.command("corpus")
def corpus_command():
    """Rewrite portal/text/data/training.csv from the phrase banks in portal/text/corpus.py and the
    petitions written by hand in portal/text/data/written_petitions.csv."""
    from portal.text.corpus import CORPUS_PATH, write_corpus

    click.echo(f"{write_corpus()} rows written to {CORPUS_PATH}")


@classifier_group.command("train")
def train_command():
    """Rebuild the model file from the corpus and the coordinators' corrections (deterministic)."""
    from portal.text.training import retrain

    done = retrain(db.session)
    click.echo(f"Trained on {done.corpus_rows} corpus rows and {done.corrections} corrections: {done.model_path}")


@classifier_group.command("evaluate")
@click.argument("csv_path", type=click.Path(exists=True, dir_okay=False))
def evaluate_command(csv_path):
    """The current model on a labelled CSV (columns text,category[,urgent]), e.g. a held-out set written by
    other people: accuracy and macro-F1 on the texts as written, without diacritics and abbreviated; urgency
    precision and recall where the file says; per-category F1 and the confusion matrix."""
    from portal.text.corpus import read_labelled
    from portal.text.training import evaluate

    try:
        rows = read_labelled(csv_path)
    except (ValueError, UnicodeDecodeError) as error:
        raise click.ClickException(f"Tệp không đọc được: {error}") from None
    if not rows:
        raise click.ClickException("Tệp không có dòng nào.")
    result = evaluate(rows)
    click.echo(f"{result.rows} texts, {result.urgency_rows} of them labelled urgent or not")
    _echo_scores(result)


def _echo_scores(result) -> None:
    """The table both evaluate and crossvalidate print: per variant, per category, and the confusion matrix."""
    click.echo(f"{'variant':12} {'accuracy':>8} {'macro-F1':>8}  urgent: {'precision':>9} {'recall':>6} {'F1':>5}")
    for name, scores in result.variants.items():
        click.echo(f"{name:12} {scores.accuracy:8.3f} {scores.macro_f1:8.3f}          {scores.urgency_precision:9.3f} "
                   f"{scores.urgency_recall:6.3f} {scores.urgency_f1:5.3f}")
    click.echo(f"urgent when its probability >= {result.urgency_threshold:.2f}")
    width = max(len(label) for label in result.labels)
    click.echo("F1 per category (accented text):")
    for label, f1 in zip(result.labels, result.category_f1):
        click.echo(f"  {label:{width}} {f1:.3f}")
    click.echo("confusion matrix (accented text; rows = true, columns = predicted):")
    click.echo(" " * (width + 1) + " ".join(f"{n:>3}" for n in range(1, len(result.labels) + 1)))
    for number, (label, counts) in enumerate(zip(result.labels, result.confusion), 1):
        click.echo(f"{label:>{width}} " + " ".join(f"{c:>3}" for c in counts) + f"  ({number})")


@classifier_group.command("crossvalidate")
@click.option("--folds", default=5, show_default=True, type=click.IntRange(2, 20), help="Number of folds.")
@click.option("--csv", "csv_path", type=click.Path(exists=True, dir_okay=False),
              help="Columns text,category[,group,urgent]; the training corpus when left out.")
def crossvalidate_command(folds, csv_path):
    """Grouped cross-validation: accuracy and macro-F1 on accented, unaccented and abbreviated text, and the
    urgency model's precision and recall, on problems each fold's model never saw."""
    from portal.text.corpus import CORPUS_PATH, is_reference_row, read_labelled
    from portal.text.training import crossvalidate

    try:
        rows = read_labelled(csv_path or CORPUS_PATH)
    except (ValueError, UnicodeDecodeError) as error:
        raise click.ClickException(f"Tệp không đọc được: {error}") from None
    if len({group for _, _, group, _ in rows if not is_reference_row(group)}) < folds:
        raise click.ClickException(f"Cần ít nhất {folds} nhóm (vấn đề) khác nhau cho {folds} phần.")
    try:
        result = crossvalidate(rows, folds=folds)
    except ValueError as error:  # e.g. a fold whose training rows are all urgent, or none
        raise click.ClickException(f"Không kiểm định chéo được: {error}") from None
    click.echo(f"{result.rows} texts, {result.groups} problems, {result.folds} folds grouped by problem "
               f"(+{result.reference_rows} taxonomy and vocabulary rows in every fold's training, not scored)")
    _echo_scores(result)
    click.echo("urgency on accented text at other thresholds:")
    for threshold, precision, recall in result.urgency_by_threshold:
        click.echo(f"  >= {threshold:.2f}: precision {precision:.3f} recall {recall:.3f}")


@click.group("redact", invoke_without_command=True)
@click.pass_context
def redact_command(ctx):
    """Read one document a line on stdin; write each one redacted, one line each (or: flask redact evaluate)."""
    if ctx.invoked_subcommand is None:
        redact_lines(sys.stdin.buffer, sys.stdout.buffer)


def redact_lines(source, sink) -> None:
    """Exactly one output line for each input line: only "\n" ends a line (a stray "\r" or U+2028 inside a
    document must not split it), and no line break is written inside one."""
    from portal.text.redact import redact

    for raw in source:
        line = raw.decode("utf-8", errors="replace").rstrip("\n").rstrip("\r")
        sink.write(_one_line(redact(line)).encode("utf-8") + b"\n")
        sink.flush()


_LINE_BREAKS = str.maketrans({c: " " for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def _one_line(text: str) -> str:
    return text.translate(_LINE_BREAKS)


@redact_command.command("evaluate")
@click.argument("jsonl_path", type=click.Path(exists=True, dir_okay=False))
def redact_evaluate_command(jsonl_path):
    """Precision and recall per type on a labelled JSON-lines file, every miss and every false positive.
    The redaction is rules and underthesea's shipped NER, nothing trained on the corpus: it is evaluated
    directly, no cross-validation folds are needed."""
    from portal.text.redaction_eval import CorpusError, evaluate, format_report, read_corpus

    try:
        rows = read_corpus(jsonl_path)
    except (CorpusError, UnicodeDecodeError) as error:
        raise click.ClickException(f"Tệp không đọc được: {error}") from None
    if not rows:
        raise click.ClickException("Tệp không có dòng nào.")
    click.echo(f"{len(rows)} texts; rules and underthesea's NER, nothing trained on them: evaluated directly")
    for line in format_report(evaluate(rows)):
        click.echo(line)

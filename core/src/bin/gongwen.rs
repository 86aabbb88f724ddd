//! `gongwen` command line: parse government documents to JSON.
//!
//! ```text
//! gongwen parse [FILE ...|-] [--format json|jsonl|pretty]
//! ```

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "gongwen", version, about = "Reads Chinese government documents (公文) and prints structured records")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse files (or standard input, `-`) into documents.
    Parse {
        /// Input files; `-` or none reads standard input.
        files: Vec<PathBuf>,
        /// Output format: `json` is exactly CONTRACT.md (an array when
        /// several files are given), `jsonl` one object per file per line
        /// (with a `source` field), `pretty` a summary for a person.
        #[arg(long, short, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// The task table: one row per task × unit (document, task number and
    /// heading, unit, role lead/responsible/implied, officials, deadline).
    Tasks {
        /// Input files; `-` or none reads standard input.
        files: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = TableFormat::Csv)]
        format: TableFormat,
        /// Start CSV output with a UTF-8 byte-order mark so that Excel
        /// opens the Chinese text correctly.
        #[arg(long)]
        bom: bool,
    },
    /// The personnel table: one row per appointment/removal, and per
    /// leader × body supervised (分管) or liaised with (联系).
    People {
        /// Input files; `-` or none reads standard input.
        files: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = TableFormat::Csv)]
        format: TableFormat,
        /// Start CSV output with a UTF-8 byte-order mark (for Excel).
        #[arg(long)]
        bom: bool,
    },
}

/// Which table to print.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Table {
    Tasks,
    People,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TableFormat {
    Csv,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
    Pretty,
}

fn read_input(path: &PathBuf) -> Result<(String, gongwen::Encoding), String> {
    let name = path.display();
    let bytes = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).map_err(|e| format!("<stdin>: cannot read: {e}"))?;
        b
    } else {
        std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("{name}: no such file"),
            std::io::ErrorKind::IsADirectory => format!("{name}: is a directory"),
            _ => format!("{name}: cannot read: {e}"),
        })?
    };
    gongwen::decode(&bytes).map_err(|e| format!("{name}: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (mut files, format) = match cli.command {
        Command::Parse { files, format } => (files, format),
        Command::Tasks { files, format, bom } => return table(Table::Tasks, files, format, bom),
        Command::People { files, format, bom } => return table(Table::People, files, format, bom),
    };
    if files.is_empty() {
        files.push(PathBuf::from("-"));
    }
    let options = gongwen::Options::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut results = Vec::new();
    for path in &files {
        let (text, encoding) = match read_input(path) {
            Ok(t) => t,
            Err(msg) => {
                eprintln!("gongwen: error: {msg}");
                failed = true;
                continue;
            }
        };
        let mut parse = gongwen::parse(&text, &options);
        if encoding != gongwen::Encoding::Utf8 {
            parse.diagnostics.insert(
                0,
                gongwen::Diagnostic {
                    level: gongwen::Level::Info,
                    code: "decoded".into(),
                    message: format!("input decoded from {encoding}; spans are byte offsets into its UTF-8 form"),
                    span: gongwen::Span::new(0, 0),
                },
            );
        }
        let source = path.display().to_string();
        let written = match format {
            Format::Json => {
                results.push(parse);
                Ok(())
            }
            Format::Jsonl => {
                // The contract object with a leading `source` field.
                let body = serde_json::to_string(&parse).unwrap_or_else(|_| "{}".into());
                let src = serde_json::to_string(&source).unwrap_or_else(|_| "\"\"".into());
                writeln!(out, "{{\"source\":{src},{}", &body[1..])
            }
            Format::Pretty => write_pretty(&mut out, &source, &text, &parse),
        };
        if written.is_err() {
            return ExitCode::from(1);
        }
    }
    if format == Format::Json {
        let r = if files.len() == 1 {
            results.first().map(|p| serde_json::to_writer_pretty(&mut out, p))
        } else {
            Some(serde_json::to_writer_pretty(&mut out, &results))
        };
        if let Some(Err(_)) = r {
            return ExitCode::from(1);
        }
        if !results.is_empty() {
            let _ = writeln!(out);
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Parses each input, reporting unreadable ones on stderr.
fn parse_inputs(files: &[PathBuf]) -> (Vec<(String, gongwen::Parse)>, bool) {
    let mut out = Vec::new();
    let mut failed = false;
    let default = [PathBuf::from("-")];
    let files = if files.is_empty() { &default[..] } else { files };
    for path in files {
        match read_input(path) {
            Ok((text, _)) => out.push((path.display().to_string(), gongwen::parse(&text, &gongwen::Options::default()))),
            Err(msg) => {
                eprintln!("gongwen: error: {msg}");
                failed = true;
            }
        }
    }
    (out, failed)
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Rows of the chosen table for one parse: `(cells, json value)`.
fn rows_of(table: Table, p: &gongwen::Parse) -> Vec<(Vec<String>, serde_json::Value)> {
    match table {
        Table::Tasks => gongwen::task_rows(p).into_iter().map(|r| (r.cells().to_vec(), serde_json::to_value(&r).unwrap_or_default())).collect(),
        Table::People => gongwen::people_rows(p).into_iter().map(|r| (r.cells().to_vec(), serde_json::to_value(&r).unwrap_or_default())).collect(),
    }
}

fn table(table: Table, files: Vec<PathBuf>, format: TableFormat, bom: bool) -> ExitCode {
    let columns = match table {
        Table::Tasks => gongwen::TASK_COLUMNS,
        Table::People => gongwen::PERSON_COLUMNS,
    };
    let (parses, failed) = parse_inputs(&files);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = (|| -> std::io::Result<()> {
        match format {
            TableFormat::Csv => {
                if bom {
                    out.write_all("\u{FEFF}".as_bytes())?;
                }
                let header: Vec<&str> = std::iter::once("source").chain(columns.iter().copied()).collect();
                write!(out, "{}\r\n", header.join(","))?;
                for (source, p) in &parses {
                    for (cells, _) in rows_of(table, p) {
                        let cells: Vec<String> = std::iter::once(source.clone()).chain(cells).map(|c| csv_cell(&c)).collect();
                        write!(out, "{}\r\n", cells.join(","))?;
                    }
                }
            }
            TableFormat::Json => {
                let mut rows = Vec::new();
                for (source, p) in &parses {
                    for (_, mut v) in rows_of(table, p) {
                        if let Some(o) = v.as_object_mut() {
                            o.insert("source".into(), serde_json::Value::String(source.clone()));
                        }
                        rows.push(v);
                    }
                }
                serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::other)?;
                writeln!(out)?;
            }
        }
        out.flush()
    })();
    if result.is_err() {
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_pretty(out: &mut impl Write, source: &str, text: &str, p: &gongwen::Parse) -> std::io::Result<()> {
    writeln!(out, "{source}: {} document(s)", p.documents.len())?;
    for (k, d) in p.documents.iter().enumerate() {
        writeln!(out)?;
        writeln!(out, "[{}] {}", k + 1, if d.title.is_empty() { "(no title)" } else { &d.title })?;
        let line = |label: &str, v: String| -> String { format!("    {label:<6} {v}\n") };
        let mut s = String::new();
        s += &line("文种", d.kind.clone().unwrap_or_else(|| "-".into()));
        s += &line("发文字号", d.doc_number.as_ref().map(|n| n.text.clone()).unwrap_or_else(|| "-".into()));
        s += &line("发文机关", d.issuers.join("、"));
        s += &line("主送", d.recipients.join(" | "));
        s += &line("成文日期", d.date.clone().unwrap_or_else(|| "-".into()));
        if !d.enclosed_titles.is_empty() {
            s += &line("印发", d.enclosed_titles.iter().map(|t| format!("《{t}》")).collect::<Vec<_>>().join(""));
        }
        for a in &d.attachments {
            s += &line("附件", format!("{}. {}{}", a.index, a.title, if a.omitted { "（略）" } else { "" }));
        }
        for c in &d.citations {
            let t = c.title.as_ref().map(|t| format!("《{t}》")).unwrap_or_default();
            s += &line("引用", format!("{t}{}", c.doc_number.as_ref().map(|n| format!(" {n}")).unwrap_or_default()));
        }
        if !d.cc.is_empty() {
            s += &line("抄送", d.cc.join(" | "));
        }
        for t in d.tasks.iter().take(3) {
            let lead = if t.lead_units.is_empty() { String::new() } else { format!("牵头 {}；", t.lead_units.join("、")) };
            let dl = t.deadline.as_ref().map(|x| format!("；{}", x.text)).unwrap_or_default();
            s += &line("任务", format!("{}{} {}（{lead}{}{dl}）", t.path.join(""), t.number, t.heading, t.responsible_units.join("、")));
        }
        if d.tasks.len() > 3 {
            s += &line("", format!("… {} tasks in all (gongwen tasks prints the table)", d.tasks.len()));
        }
        for a in d.appointments.iter().take(3) {
            let verb = if a.action == gongwen::Action::Appoint { "任" } else { "免" };
            s += &line("任免", format!("{verb} {} {}", a.person, a.position));
        }
        if d.appointments.len() > 3 {
            s += &line("", format!("… {} actions in all (gongwen people prints the table)", d.appointments.len()));
        }
        if !d.division.is_empty() {
            let names: Vec<&str> = d.division.iter().map(|a| a.person.as_str()).collect();
            s += &line("分工", format!("{} leaders: {}", names.len(), names.join("、")));
        }
        for t in d.targets.iter().take(3) {
            s += &line("目标", format!("{} {}{}{}", t.indicator, t.value, t.unit, t.qualifier.clone().unwrap_or_default()));
        }
        s += &line("范围", format!("bytes {}..{} ({} chars)", d.span.start, d.span.end, d.span.slice(text).chars().count()));
        out.write_all(s.as_bytes())?;
    }
    for diag in &p.diagnostics {
        writeln!(out, "  {:?} {}: {}", diag.level, diag.code, diag.message)?;
    }
    Ok(())
}

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

/// Why an input could not be read: a stable code and a message naming it.
#[derive(Clone, Debug)]
struct InputError {
    code: &'static str,
    message: String,
}

impl InputError {
    /// `{"source": …, "error": {"code": …, "message": …}}`, source first.
    fn json(&self, source: &str) -> String {
        let s = |v: &str| serde_json::to_string(v).unwrap_or_else(|_| "\"\"".into());
        format!("{{\"source\":{},\"error\":{{\"code\":{},\"message\":{}}}}}", s(source), s(self.code), s(&self.message))
    }
}

/// One argument, read, decoded and parsed.
struct Parsed {
    source: String,
    result: Result<(String, gongwen::Encoding, gongwen::Parse), InputError>,
}

fn read_input(path: &PathBuf) -> Result<(String, gongwen::Encoding), InputError> {
    let name = path.display();
    let err = |code, message: String| InputError { code, message };
    let bytes = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).map_err(|e| err("read_failed", format!("<stdin>: cannot read: {e}")))?;
        b
    } else {
        // (Refused before reading: offsets are 32-bit.)
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_file() && meta.len() > gongwen::MAX_INPUT_BYTES as u64 {
                return Err(err(
                    "too_large",
                    format!("{name}: {} bytes; gongwen reads at most {} bytes per input: split it", meta.len(), gongwen::MAX_INPUT_BYTES),
                ));
            }
        }
        std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => err("not_found", format!("{name}: no such file")),
            std::io::ErrorKind::IsADirectory => err("is_a_directory", format!("{name}: is a directory")),
            _ => err("read_failed", format!("{name}: cannot read: {e}")),
        })?
    };
    if bytes.len() > gongwen::MAX_INPUT_BYTES {
        return Err(err("too_large", format!("{name}: {} bytes; gongwen reads at most {} bytes per input: split it", bytes.len(), gongwen::MAX_INPUT_BYTES)));
    }
    gongwen::decode(&bytes).map_err(|e| err("decode_failed", format!("{name}: {e}")))
}

/// Reads and parses every argument (`-` or none: standard input), on as
/// many threads as the machine has cores, keeping the arguments' order:
/// several files side by side, or one file's documents side by side.
/// Failures are reported on stderr as they are kept.
fn parse_inputs(files: &[PathBuf]) -> Vec<Parsed> {
    let default = [PathBuf::from("-")];
    let files = if files.is_empty() { &default[..] } else { files };
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = cores.min(files.len());
    let side_by_side = threads > 1 && !files.iter().any(|f| f.as_os_str() == "-");
    let mut options = gongwen::Options::default();
    options.threads = if side_by_side { 1 } else { cores };
    let one = |path: &PathBuf| -> Parsed {
        let source = path.display().to_string();
        let result = read_input(path).map(|(text, encoding)| {
            let mut parse = gongwen::parse(&text, &options);
            if encoding != gongwen::Encoding::Utf8 {
                parse.diagnostics.insert(
                    0,
                    gongwen::Diagnostic::new(
                        gongwen::Level::Info,
                        "decoded",
                        format!("input decoded from {encoding}; spans are byte offsets into its UTF-8 form"),
                        gongwen::Span::new(0, 0),
                    ),
                );
            }
            (text, encoding, parse)
        });
        Parsed { source, result }
    };
    let out: Vec<Parsed> = if !side_by_side {
        files.iter().map(one).collect()
    } else {
        // Each worker takes the next argument; results go back to their slot.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let slots: Vec<std::sync::Mutex<Option<Parsed>>> = files.iter().map(|_| std::sync::Mutex::new(None)).collect();
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| loop {
                    let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(path) = files.get(k) else { break };
                    let parsed = one(path);
                    if let Ok(mut slot) = slots[k].lock() {
                        *slot = Some(parsed);
                    }
                });
            }
        });
        slots
            .into_iter()
            .zip(files)
            .map(|(slot, path)| {
                slot.into_inner().ok().flatten().unwrap_or_else(|| Parsed {
                    source: path.display().to_string(),
                    result: Err(InputError { code: "internal", message: format!("{}: the worker reading it failed", path.display()) }),
                })
            })
            .collect()
    };
    for p in &out {
        if let Err(e) = &p.result {
            eprintln!("gongwen: error: {}", e.message);
        }
    }
    out
}

/// Reports a failed write to standard output and gives the exit code.
fn write_failed(e: &std::io::Error) -> ExitCode {
    eprintln!("gongwen: error: cannot write to standard output: {e}");
    ExitCode::from(1)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (files, format) = match cli.command {
        Command::Parse { files, format } => (files, format),
        Command::Tasks { files, format, bom } => return table(Table::Tasks, files, format, bom),
        Command::People { files, format, bom } => return table(Table::People, files, format, bom),
    };
    let parsed = parse_inputs(&files);
    let failed = parsed.iter().any(|p| p.result.is_err());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = (|| -> std::io::Result<()> {
        match format {
            Format::Json => {
                // One file: its object (nothing when it failed); several: an
                // array with one entry per argument, a failed one as
                // `{"source", "error": {"code", "message"}}`.
                if let [one] = &parsed[..] {
                    if let Ok((_, _, p)) = &one.result {
                        serde_json::to_writer_pretty(&mut out, p).map_err(std::io::Error::other)?;
                        writeln!(out)?;
                    }
                } else {
                    write!(out, "[")?;
                    for (k, p) in parsed.iter().enumerate() {
                        write!(out, "{}", if k == 0 { "\n" } else { ",\n" })?;
                        match &p.result {
                            Ok((_, _, parse)) => serde_json::to_writer_pretty(&mut out, parse).map_err(std::io::Error::other)?,
                            Err(e) => write!(out, "{}", e.json(&p.source))?,
                        }
                    }
                    writeln!(out, "\n]")?;
                }
            }
            Format::Jsonl => {
                for p in &parsed {
                    match &p.result {
                        Ok((_, _, parse)) => {
                            // The contract object with a leading `source` field.
                            let body = serde_json::to_string(parse).map_err(std::io::Error::other)?;
                            let src = serde_json::to_string(&p.source).map_err(std::io::Error::other)?;
                            writeln!(out, "{{\"source\":{src},{}", &body[1..])?;
                        }
                        Err(e) => writeln!(out, "{}", e.json(&p.source))?,
                    }
                }
            }
            Format::Pretty => {
                for p in &parsed {
                    match &p.result {
                        Ok((text, _, parse)) => write_pretty(&mut out, &p.source, text, parse)?,
                        Err(e) => writeln!(out, "{}: error: {}", p.source, e.message)?,
                    }
                }
            }
        }
        out.flush()
    })();
    if let Err(e) = written {
        return write_failed(&e);
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
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
    let parsed = parse_inputs(&files);
    let failed = parsed.iter().any(|p| p.result.is_err());
    let parses: Vec<(String, gongwen::Parse)> =
        parsed.into_iter().filter_map(|p| p.result.ok().map(|(_, _, parse)| (p.source, parse))).collect();
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
    if let Err(e) = result {
        return write_failed(&e);
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

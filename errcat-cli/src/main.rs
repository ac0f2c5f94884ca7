//! `errcat`: checks, documents and extends markdown error catalogues.

fn main() -> std::process::ExitCode {
    errcat_cli::main_with(std::env::args_os())
}

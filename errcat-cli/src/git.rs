//! Catalogue files as a git revision holds them, read without touching
//! the working tree.

use std::path::Path;
use std::process::Command;

use errcat_build::Project;
use errcat_build::config;
use errcat_build::project::is_catalogue_file;

pub struct Repo {
    root: String,
    /// The current folder relative to the repository root: `` or `sub/`.
    prefix: String,
}

fn git(root: Option<&str>, args: &[&str]) -> Result<Vec<u8>, String> {
    let mut command = Command::new("git");
    if let Some(root) = root {
        command.arg("-C").arg(root);
    }
    let output = command
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}

fn line(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes)
        .trim_end_matches(['\n', '\r'])
        .to_string()
}

impl Repo {
    pub fn discover() -> Result<Repo, String> {
        let root = git(None, &["rev-parse", "--show-toplevel"])
            .map_err(|e| format!("not in a git repository: {e}"))?;
        let prefix = git(None, &["rev-parse", "--show-prefix"])?;
        Ok(Repo {
            root: line(root),
            prefix: line(prefix),
        })
    }

    /// The commit a revision names.
    pub fn resolve(&self, rev: &str) -> Result<String, String> {
        git(
            Some(&self.root),
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ],
        )
        .map(line)
        .map_err(|_| format!("`{rev}` is not a revision of this repository"))
    }

    /// A path given relative to the current folder, relative to the root.
    fn in_repo(&self, path: &Path) -> String {
        let joined = format!(
            "{}{}",
            self.prefix,
            path.to_string_lossy().replace('\\', "/")
        );
        let mut parts: Vec<&str> = Vec::new();
        for part in joined.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                other => parts.push(other),
            }
        }
        parts.join("/")
    }

    /// A path relative to the root, as seen from the current folder.
    fn in_cwd(&self, repo_path: &str) -> String {
        match repo_path.strip_prefix(&self.prefix) {
            Some(inside) => inside.to_string(),
            None => {
                let up = self.prefix.matches('/').count();
                format!("{}{repo_path}", "../".repeat(up))
            }
        }
    }

    fn object_type(&self, commit: &str, repo_path: &str) -> Option<String> {
        git(
            Some(&self.root),
            &["cat-file", "-t", &format!("{commit}:{repo_path}")],
        )
        .ok()
        .map(line)
    }

    fn read(&self, commit: &str, repo_path: &str) -> Result<Vec<u8>, String> {
        git(
            Some(&self.root),
            &["cat-file", "blob", &format!("{commit}:{repo_path}")],
        )
    }

    /// The project the given files and folders were at `commit`, with the
    /// same rules as for the working tree. A path that did not exist then
    /// contributes nothing.
    pub fn project_at(&self, commit: &str, paths: &[impl AsRef<Path>]) -> Result<Project, String> {
        let mut project = Project::new();
        let mut configs_read: Vec<String> = Vec::new();
        let mut read_config = |project: &mut Project, dir: &str| -> Result<(), String> {
            if configs_read.iter().any(|d| d == dir) {
                return Ok(());
            }
            configs_read.push(dir.to_string());
            let path = if dir.is_empty() {
                config::FILE_NAME.to_string()
            } else {
                format!("{dir}/{}", config::FILE_NAME)
            };
            if self.object_type(commit, &path).as_deref() == Some("blob") {
                let display = self.in_cwd(dir);
                project.add_config(&display, self.read(commit, &path)?);
            }
            Ok(())
        };
        for path in paths {
            let repo_path = self.in_repo(path.as_ref());
            match self.object_type(commit, &repo_path).as_deref() {
                Some("tree") => {
                    read_config(&mut project, &repo_path)?;
                    let listing = git(
                        Some(&self.root),
                        &[
                            "ls-tree",
                            "-r",
                            "-z",
                            "--name-only",
                            commit,
                            "--",
                            &repo_path,
                        ],
                    )?;
                    let mut files: Vec<String> = listing
                        .split(|&b| b == 0)
                        .filter(|name| !name.is_empty())
                        .map(|name| String::from_utf8_lossy(name).into_owned())
                        .filter(|name| {
                            let hidden = name.split('/').any(|part| part.starts_with('.'));
                            !hidden && is_catalogue_file(Path::new(name))
                        })
                        .collect();
                    files.sort();
                    for file in files {
                        project.add_file(&self.in_cwd(&file), self.read(commit, &file)?);
                    }
                }
                Some("blob") => {
                    let dir = repo_path.rsplit_once('/').map_or("", |(dir, _)| dir);
                    read_config(&mut project, dir)?;
                    project.add_file(&self.in_cwd(&repo_path), self.read(commit, &repo_path)?);
                }
                _ => {}
            }
        }
        Ok(project)
    }
}

//! Which catalogues a command reads, and which crate they compile into.
//!
//! Given paths (`errcat check docs/errors.md`, `--catalogs DIR`), those.
//! Otherwise the catalogue folders of the package the command runs in, or
//! of every package of the workspace when it runs at the workspace's root:
//! each package's `catalogs/`, or the folders its Cargo.toml names:
//!
//! ```toml
//! [package.metadata.errcat]
//! catalogs = ["errors", "legacy/errors"]
//! ```
//!
//! Each package is a [`Unit`] of its own: its catalogues are checked
//! together, as its build script compiles them, and apart from other
//! packages', and their types are named by its library crate.

use std::path::{Component, Path, PathBuf};
use std::process::Command;

use errcat_build::project::display;
use errcat_build::{Analysis, Project};

use crate::Failure;

/// The catalogue files or folders a command reads.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Inputs {
    /// Catalogue files or folders [default: the catalogue folders of this
    /// package, or of every package of the workspace at its root]
    pub paths: Vec<PathBuf>,
    /// A catalogue folder to read, as a PATH is (repeatable).
    #[arg(long = "catalogs", value_name = "DIR")]
    pub catalogs: Vec<PathBuf>,
    /// Only this package of the workspace (repeatable), as cargo's `-p`.
    #[arg(short = 'p', long = "package", value_name = "NAME")]
    pub packages: Vec<String>,
}

/// The catalogues of one crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The library crate that includes the generated code (`mysvc`), whose
    /// name the types are shown under; `crate` where there is none.
    pub crate_name: String,
    /// The package, where the catalogues belong to one.
    pub package: Option<String>,
    /// Files and folders, relative to the folder the command runs in.
    pub paths: Vec<PathBuf>,
}

/// A unit, read and checked.
#[derive(Debug)]
pub struct Loaded {
    pub unit: Unit,
    pub project: Project,
    pub analysis: Analysis,
}

impl Inputs {
    /// Paths given on the command line.
    fn given(&self) -> Vec<PathBuf> {
        self.paths.iter().chain(&self.catalogs).cloned().collect()
    }

    /// The units to read, or why there are none.
    pub fn units(&self, cwd: &Path) -> Result<Vec<Unit>, Failure> {
        let given = self.given();
        if !given.is_empty() {
            let package = package_at(&cwd.join(&given[0]));
            return Ok(vec![Unit {
                crate_name: package
                    .as_ref()
                    .map_or_else(|| "crate".to_string(), |p| p.crate_name.clone()),
                package: package.map(|p| p.name),
                paths: given,
            }]);
        }
        discover(cwd, &self.packages)
    }

    /// Reads and checks every unit.
    pub fn load(&self, cwd: &Path) -> Result<Vec<Loaded>, Failure> {
        self.units(cwd)?
            .into_iter()
            .map(|unit| {
                let project = Project::load(&unit.paths).map_err(|e| Failure(format!("{e}")))?;
                let analysis = project.analyze();
                Ok(Loaded {
                    unit,
                    project,
                    analysis,
                })
            })
            .collect()
    }
}

/// A package, as far as errcat needs to know it.
#[derive(Debug, Clone)]
struct Package {
    name: String,
    crate_name: String,
    dir: PathBuf,
    /// `[package.metadata.errcat] catalogs`, relative to `dir`.
    catalogs: Option<Vec<String>>,
}

/// The catalogue folders of the package or workspace `cwd` is in.
fn discover(cwd: &Path, wanted: &[String]) -> Result<Vec<Unit>, Failure> {
    let Some((root, packages)) = workspace(cwd)? else {
        // Outside any package: a `catalogs/` folder here is still meant.
        if cwd.join("catalogs").is_dir() {
            return Ok(vec![Unit {
                crate_name: "crate".to_string(),
                package: None,
                paths: vec![PathBuf::from("catalogs")],
            }]);
        }
        return Err(Failure(format!(
            "no catalogues to check: {} is in no Cargo package and has no catalogs/ folder; pass catalogue files or --catalogs DIR",
            display(cwd)
        )));
    };
    // The innermost package holding `cwd`, unless `cwd` is the
    // workspace's root: then every package.
    let current = packages
        .iter()
        .filter(|p| cwd.starts_with(&p.dir))
        .max_by_key(|p| p.dir.components().count())
        .filter(|_| cwd != root || packages.len() == 1);
    let selected: Vec<&Package> = if wanted.is_empty() {
        match current {
            Some(package) => vec![package],
            None => packages.iter().filter(|p| p.dir.starts_with(cwd)).collect(),
        }
    } else {
        let mut selected = Vec::new();
        for name in wanted {
            let Some(package) = packages.iter().find(|p| &p.name == name) else {
                let names: Vec<&str> = packages.iter().map(|p| p.name.as_str()).collect();
                return Err(Failure(format!(
                    "no package `{name}` in the workspace; its packages are {}",
                    names.join(", ")
                )));
            };
            selected.push(package);
        }
        selected
    };
    let mut units = Vec::new();
    for package in &selected {
        let folders: Vec<PathBuf> = match &package.catalogs {
            Some(configured) => {
                let mut folders = Vec::new();
                for folder in configured {
                    let dir = package.dir.join(folder);
                    if !dir.is_dir() {
                        return Err(Failure(format!(
                            "package `{}` names the catalogue folder `{folder}` in [package.metadata.errcat], but {} is not a folder",
                            package.name,
                            display(&relative(cwd, &dir))
                        )));
                    }
                    folders.push(dir);
                }
                folders
            }
            None => Some(package.dir.join("catalogs"))
                .filter(|d| d.is_dir())
                .into_iter()
                .collect(),
        };
        if !folders.is_empty() {
            units.push(Unit {
                crate_name: package.crate_name.clone(),
                package: Some(package.name.clone()),
                paths: folders.iter().map(|f| relative(cwd, f)).collect(),
            });
        }
    }
    if units.is_empty() {
        let scope = match selected.as_slice() {
            [one] => format!("package `{}`", one.name),
            _ => format!("the workspace at {}", display(&relative(cwd, &root))),
        };
        return Err(Failure(format!(
            "no catalogues to check: {scope} has no catalogs/ folder and names none in [package.metadata.errcat]; pass catalogue files or --catalogs DIR"
        )));
    }
    Ok(units)
}

/// The workspace `cwd` is in, as `cargo metadata` describes it: its root
/// and packages. `None` outside any package.
fn workspace(cwd: &Path) -> Result<Option<(PathBuf, Vec<Package>)>, Failure> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .current_dir(cwd)
        .output();
    let output = match output {
        Ok(output) => output,
        // No cargo to ask: the package holding `cwd`, read directly.
        Err(_) => {
            return Ok(package_at(cwd).map(|p| (p.dir.clone(), vec![p])));
        }
    };
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        if stderr.contains("could not find `Cargo.toml`") {
            return Ok(None);
        }
        return Err(Failure(format!(
            "cannot read the Cargo workspace: {}",
            stderr.trim()
        )));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| Failure(format!("cannot read `cargo metadata`: {e}")))?;
    let root = metadata["workspace_root"]
        .as_str()
        .map(PathBuf::from)
        .unwrap_or_else(|| cwd.to_path_buf());
    let packages: Vec<Package> = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|package| {
            let name = package["name"].as_str()?.to_string();
            let dir = Path::new(package["manifest_path"].as_str()?)
                .parent()?
                .to_path_buf();
            let library = package["targets"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|t| {
                    t["kind"].as_array().is_some_and(|kinds| {
                        kinds
                            .iter()
                            .any(|k| k.as_str().is_some_and(|k| k.contains("lib")))
                    })
                });
            let crate_name = library
                .and_then(|t| t["name"].as_str())
                .map_or_else(|| name.replace('-', "_"), |n| n.replace('-', "_"));
            let catalogs = package["metadata"]["errcat"]["catalogs"]
                .as_array()
                .map(|folders| {
                    folders
                        .iter()
                        .filter_map(|f| f.as_str().map(str::to_string))
                        .collect()
                });
            Some(Package {
                name,
                crate_name,
                dir,
                catalogs,
            })
        })
        .collect();
    // Paths compare with `cwd` as cargo spells them (canonical).
    let cwd_real = cwd.canonicalize().unwrap_or_else(|_| cwd.to_path_buf());
    let rebase = |path: PathBuf| match path.strip_prefix(&cwd_real) {
        Ok(rest) => cwd.join(rest),
        Err(_) => path,
    };
    let packages = packages
        .into_iter()
        .map(|p: Package| Package {
            dir: rebase(p.dir),
            ..p
        })
        .collect();
    Ok(Some((rebase(root), packages)))
}

/// The package whose Cargo.toml is nearest above `path`, read without
/// cargo: its name and library name.
fn package_at(path: &Path) -> Option<Package> {
    let start = if path.is_dir() { path } else { path.parent()? };
    let absolute = std::path::absolute(start).ok()?;
    for dir in absolute.ancestors() {
        let Ok(text) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
            continue;
        };
        let manifest: toml::Table = text.parse().ok()?;
        let package = manifest.get("package")?;
        let name = package.get("name")?.as_str()?.to_string();
        let crate_name = manifest
            .get("lib")
            .and_then(|l| l.get("name"))
            .and_then(|n| n.as_str())
            .unwrap_or(&name)
            .replace('-', "_");
        let catalogs = package
            .get("metadata")
            .and_then(|m| m.get("errcat"))
            .and_then(|e| e.get("catalogs"))
            .and_then(|c| c.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|f| f.as_str().map(str::to_string))
                    .collect()
            });
        return Some(Package {
            name,
            crate_name,
            dir: dir.to_path_buf(),
            catalogs,
        });
    }
    None
}

/// `to` as a path from folder `from` (both absolute, or both relative to
/// one folder): `catalogs`, `../svc/catalogs`.
pub fn relative(from: &Path, to: &Path) -> PathBuf {
    let from: Vec<Component> = from.components().collect();
    let to_parts: Vec<Component> = to.components().collect();
    let common = from
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 && (to.is_absolute() || from.is_empty()) {
        return to.to_path_buf();
    }
    let mut path = PathBuf::new();
    for _ in common..from.len() {
        path.push("..");
    }
    for part in &to_parts[common..] {
        path.push(part);
    }
    if path.as_os_str().is_empty() {
        path.push(".");
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_between_folders() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(relative(&p("/w"), &p("/w/catalogs")), p("catalogs"));
        assert_eq!(
            relative(&p("/w/svc/src"), &p("/w/svc/catalogs")),
            p("../catalogs")
        );
        assert_eq!(relative(&p("/w"), &p("/w")), p("."));
        assert_eq!(relative(&p("/w/a"), &p("/x/b")), p("../../x/b"));
    }
}

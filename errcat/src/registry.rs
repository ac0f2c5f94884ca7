//! The registry each including crate's generated code holds: its
//! catalogues, by name, and their codes.

use crate::{Catalog, CodeValue, ErrorCode};

/// The catalogue named `name` among `catalogs` (the generated
/// `catalog(name)` calls this with the crate's own `CATALOGS`).
pub fn catalog_in(catalogs: &[&'static Catalog], name: &str) -> Option<&'static Catalog> {
    catalogs.iter().copied().find(|c| c.name() == name)
}

/// The entry for a code of the catalogue named `catalog` among `catalogs`,
/// for gateways that translate the codes they receive (the generated
/// `lookup(catalog, code)` calls this).
pub fn lookup_in<'c>(
    catalogs: &[&'static Catalog],
    catalog: &str,
    code: impl Into<CodeValue<'c>>,
) -> Option<&'static dyn ErrorCode> {
    catalog_in(catalogs, catalog)?.find(code)
}

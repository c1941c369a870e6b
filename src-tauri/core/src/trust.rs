/*!
Whether a provider file may be believed. A `providers.toml` says where sign-ins, codes and refresh
tokens are sent (it can redefine a built-in provider's `token_url`), so a file another user of the
computer could have written is refused, as ssh refuses a configuration file with bad owner or
permissions (`StrictModes`). On Unix a provider file — the person's own, one named by
`PLUGBOARD_PROVIDERS`, or the organisation's system-wide one, `managed` or not — is used only when:

- the file (the one a link points to, when it is a link) is owned by the person running Plugboard
  or by root, and no one else can write it: no `w` for others, and `w` for the group only when
  the group is the owner's private group (Debian's "user private groups", as Debian's ssh allows);
- every folder above it, up to `/`, along the path as named and along the path its links lead to,
  is owned by the person or by root and is writable by its owner only — unless it has the sticky
  bit (as `/tmp`), where others cannot rename or remove what is not theirs.

A refused file is left out (the built-in providers and the other files still work) and
[`Untrusted`] says which file or folder and the command that fixes it (`chmod go-w <path>`). Who
may own the file and its folders comes in as a parameter ([`check_for`]) so tests can stand for
another owner without root. Windows is not checked (its folders carry ACLs, not modes).
*/

use std::path::{Path, PathBuf};

use crate::i18n::t;

/// Why a provider file is not believed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Untrusted {
    /// The file can be changed by group or others.
    Writable { file: PathBuf, mode: u32 },
    /// The file belongs to another user.
    Owner { file: PathBuf, owner: u32 },
    /// A folder above it can be changed by group or others (and has no sticky bit).
    FolderWritable {
        file: PathBuf,
        folder: PathBuf,
        mode: u32,
    },
    /// A folder above it belongs to another user.
    FolderOwner {
        file: PathBuf,
        folder: PathBuf,
        owner: u32,
    },
}

impl std::fmt::Display for Untrusted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = |p: &Path| p.display().to_string().into();
        let mode = |m: &u32| format!("{m:04o}").into();
        let text = match self {
            Self::Writable { file, mode: m } => t(
                "trust-file-writable",
                &[("path", path(file)), ("mode", mode(m))],
            ),
            Self::Owner { file, owner } => t(
                "trust-file-owner",
                &[("path", path(file)), ("owner", owner.to_string().into())],
            ),
            Self::FolderWritable {
                file,
                folder,
                mode: m,
            } => t(
                "trust-folder-writable",
                &[
                    ("path", path(file)),
                    ("folder", path(folder)),
                    ("mode", mode(m)),
                ],
            ),
            Self::FolderOwner {
                file,
                folder,
                owner,
            } => t(
                "trust-folder-owner",
                &[
                    ("path", path(file)),
                    ("folder", path(folder)),
                    ("owner", owner.to_string().into()),
                ],
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for Untrusted {}

/// Whether the provider file `file` (which exists) may be believed by the person running
/// Plugboard.
pub fn check(file: &Path) -> Result<(), Untrusted> {
    #[cfg(unix)]
    {
        // SAFETY: getuid has no preconditions and cannot fail.
        let me = unsafe { libc::getuid() };
        check_for(file, &[me, 0])
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        Ok(())
    }
}

/// [`check`], trusting files and folders owned by one of `owners` (the person and root).
#[cfg(unix)]
pub fn check_for(file: &Path, owners: &[u32]) -> Result<(), Untrusted> {
    use std::os::unix::fs::MetadataExt;
    let trusted_owner = |uid: u32| owners.contains(&uid);
    // The file as read: through its links.
    if let Ok(meta) = std::fs::metadata(file) {
        if !trusted_owner(meta.uid()) {
            return Err(Untrusted::Owner {
                file: file.to_path_buf(),
                owner: meta.uid(),
            });
        }
        if others_can_write(meta.mode(), meta.uid(), meta.gid()) {
            return Err(Untrusted::Writable {
                file: file.to_path_buf(),
                mode: meta.mode() & 0o7777,
            });
        }
    }
    // Whoever can change a folder on either path can put another file (or link) in its place.
    let named = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let resolved = std::fs::canonicalize(file).unwrap_or_else(|_| named.clone());
    for folder in named
        .ancestors()
        .skip(1)
        .chain(resolved.ancestors().skip(1))
    {
        let Ok(meta) = std::fs::metadata(folder) else {
            continue;
        };
        if !trusted_owner(meta.uid()) {
            return Err(Untrusted::FolderOwner {
                file: file.to_path_buf(),
                folder: folder.to_path_buf(),
                owner: meta.uid(),
            });
        }
        let sticky = meta.mode() & 0o1000 != 0;
        if others_can_write(meta.mode(), meta.uid(), meta.gid()) && !sticky {
            return Err(Untrusted::FolderWritable {
                file: file.to_path_buf(),
                folder: folder.to_path_buf(),
                mode: meta.mode() & 0o7777,
            });
        }
    }
    Ok(())
}

/// Whether someone besides the owner can write: `w` for others, or `w` for a group that is not
/// the owner's own private group (Debian's and Ubuntu's "user private groups": each user's
/// primary group has that user alone, and their umask 002 makes files 0664 — Debian's ssh
/// accepts those too).
#[cfg(unix)]
fn others_can_write(mode: u32, uid: u32, gid: u32) -> bool {
    mode & 0o002 != 0 || (mode & 0o020 != 0 && !private_group(uid, gid))
}

/// Whether group `gid` is user `uid`'s private group: the user's primary group, named as the
/// user, with no other member and nobody else's primary group. Read from `/etc/passwd` and
/// `/etc/group`; a user or group known only elsewhere (LDAP) is not taken as private.
#[cfg(unix)]
pub fn private_group(uid: u32, gid: u32) -> bool {
    let (Ok(passwd), Ok(group)) = (
        std::fs::read_to_string("/etc/passwd"),
        std::fs::read_to_string("/etc/group"),
    ) else {
        return false;
    };
    let users: Vec<(&str, u32, u32)> = passwd
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            Some((
                *f.first()?,
                f.get(2)?.parse().ok()?,
                f.get(3)?.parse().ok()?,
            ))
        })
        .collect();
    let Some(&(user, _, primary)) = users.iter().find(|(_, u, _)| *u == uid) else {
        return false;
    };
    let alone = users.iter().all(|(_, u, g)| *u == uid || *g != gid);
    let group_ok = group.lines().any(|l| {
        let f: Vec<&str> = l.split(':').collect();
        f.len() >= 4
            && f[0] == user
            && f[2].parse::<u32>().ok() == Some(gid)
            && f[3].split(',').all(|m| m.is_empty() || m == user)
    });
    primary == gid && alone && group_ok
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("plugboard-trust-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        dir
    }

    fn file_in(dir: &Path, mode: u32) -> PathBuf {
        let file = dir.join("providers.toml");
        std::fs::write(&file, "").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
        file
    }

    #[test]
    fn a_file_of_another_user_is_refused_and_said_so() {
        // Tests cannot chown without root (and may run as root): another owner is stood for by
        // trusting a user id that owns neither the file nor its folders.
        let dir = scratch("owner");
        let file = file_in(&dir, 0o600);
        let owner = std::fs::metadata(&file).unwrap().uid();
        let someone_else = owner.wrapping_add(4242);
        assert_eq!(
            check_for(&file, &[someone_else]),
            Err(Untrusted::Owner {
                file: file.clone(),
                owner
            })
        );
        let words = check_for(&file, &[someone_else]).unwrap_err().to_string();
        assert!(words.contains(&file.display().to_string()), "{words}");
        assert!(check_for(&file, &[owner, 0]).is_ok());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_file_in_a_folder_of_another_user_is_refused() {
        let dir = scratch("folder-owner");
        let file = file_in(&dir, 0o600);
        let meta = std::fs::metadata(&dir).unwrap();
        // The file is "ours", the folder (and everything above) someone else's.
        let ours = meta.uid().wrapping_add(4242);
        let mine_file = |f: &Path| std::os::unix::fs::chown(f, Some(ours), None).is_ok();
        // Only root can give the file away; otherwise this case rests on the file-owner test.
        if mine_file(&file) {
            assert!(matches!(
                check_for(&file, &[ours]),
                Err(Untrusted::FolderOwner { .. })
            ));
        }
        let _ = std::fs::remove_dir_all(dir);
    }

    /// A group that is nobody's private group (`nogroup`), for a file shared with a group.
    const SHARED_GROUP: u32 = 65534;

    #[test]
    fn group_write_is_allowed_only_for_the_owners_private_group() {
        let dir = scratch("private-group");
        let file = file_in(&dir, 0o664);
        let meta = std::fs::metadata(&file).unwrap();
        let owner = meta.uid();
        if private_group(owner, meta.gid()) {
            assert_eq!(
                check_for(&file, &[owner, 0]),
                Ok(()),
                "0664 in a private group"
            );
        }
        // Shared with a group of others: refused (changing the group needs root, as here).
        if std::os::unix::fs::chown(&file, None, Some(SHARED_GROUP)).is_ok() {
            assert!(!private_group(owner, SHARED_GROUP));
            assert!(matches!(
                check_for(&file, &[owner, 0]),
                Err(Untrusted::Writable { .. })
            ));
        }
        // Writable by others: refused whatever the group.
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o646)).unwrap();
        assert!(check_for(&file, &[owner, 0]).is_err());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_words_name_the_file_and_the_fix() {
        let dir = scratch("words");
        let file = file_in(&dir, 0o646);
        let owner = std::fs::metadata(&file).unwrap().uid();
        let refused = check_for(&file, &[owner, 0]).unwrap_err();
        let words = refused.to_string();
        assert!(words.contains("0646"), "{words}");
        assert!(
            words.contains(&format!("chmod go-w {}", file.display())),
            "{words}"
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}

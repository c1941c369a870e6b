//! What a running app costs the machine, read from /proc for its whole process tree (a Tauri
//! window on Linux is the app plus WebKit's web and network processes): memory, and CPU time.

use std::collections::HashMap;
use std::fs;

/// The process `root` and every process descended from it, now.
pub fn tree(root: u32) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for entry in fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        if let Some(ppid) = stat_fields(pid).and_then(|f| f.get(1).and_then(|p| p.parse().ok())) {
            children.entry(ppid).or_default().push(pid);
        }
    }
    let mut all = vec![root];
    let mut i = 0;
    while i < all.len() {
        if let Some(kids) = children.get(&all[i]) {
            all.extend(kids);
        }
        i += 1;
    }
    all
}

/// The fields of /proc/<pid>/stat after the command name: state, ppid, … (utime is index 11).
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let text = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &text[text.rfind(')')? + 2..];
    Some(after_name.split(' ').map(str::to_string).collect())
}

/// Memory of the tree: resident and proportional set sizes, in MB.
#[derive(Debug, Clone, Copy, Default)]
pub struct Memory {
    pub rss_mb: f64,
    pub pss_mb: f64,
}

pub fn memory(root: u32) -> Memory {
    let mut kb = (0u64, 0u64);
    for pid in tree(root) {
        let Ok(text) = fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else {
            continue;
        };
        for line in text.lines() {
            let value = || {
                line.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(0)
            };
            if line.starts_with("Rss:") {
                kb.0 += value();
            } else if line.starts_with("Pss:") {
                kb.1 += value();
            }
        }
    }
    Memory {
        rss_mb: kb.0 as f64 / 1024.0,
        pss_mb: kb.1 as f64 / 1024.0,
    }
}

/// CPU time each thread of the tree has used so far, by (process id, thread id), with its process
/// name: the scheduler's own count of the thread's time on a CPU
/// (`/proc/<pid>/task/<tid>/schedstat`, nanoseconds). At idle, `/proc/<pid>/stat`'s ticks (10 ms
/// each) are too coarse to tell 0.05 % from 0.1 % over a minute. Where the kernel keeps no
/// schedstat, the process's ticks stand for its main thread.
pub fn cpu_snapshot(root: u32) -> HashMap<(u32, u32), (String, f64)> {
    // SAFETY: sysconf only reads a constant of the running system.
    let ticks_per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let mut threads = HashMap::new();
    for pid in tree(root) {
        let name = fs::read_to_string(format!("/proc/{pid}/comm"))
            .map(|n| n.trim().to_string())
            .unwrap_or_default();
        let mut any = false;
        for task in fs::read_dir(format!("/proc/{pid}/task"))
            .into_iter()
            .flatten()
            .flatten()
        {
            let tid = task
                .file_name()
                .to_string_lossy()
                .parse::<u32>()
                .unwrap_or(0);
            let ns = fs::read_to_string(task.path().join("schedstat"))
                .ok()
                .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok());
            if let Some(ns) = ns {
                threads.insert((pid, tid), (name.clone(), ns as f64 / 1e9));
                any = true;
            }
        }
        if !any {
            let Some(f) = stat_fields(pid) else { continue };
            let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
            let seconds = (ticks(11) + ticks(12)) as f64 / ticks_per_second;
            threads.insert((pid, pid), (name, seconds));
        }
    }
    threads
}

/// The CPU seconds used between two snapshots, in all and by process name: each thread's growth
/// (a thread that ended in between takes what it used since the first with it; one that began
/// counts from zero).
pub fn cpu_used(
    before: &HashMap<(u32, u32), (String, f64)>,
    after: &HashMap<(u32, u32), (String, f64)>,
) -> (f64, HashMap<String, f64>) {
    let mut by_name: HashMap<String, f64> = HashMap::new();
    for (key, (name, seconds)) in after {
        let was = before.get(key).map_or(0.0, |(_, s)| *s);
        *by_name.entry(name.clone()).or_default() += (seconds - was).max(0.0);
    }
    (by_name.values().sum(), by_name)
}

/// The median of `values` (0 for none).
pub fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let mid = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

/// Context switches of every thread of the tree so far (voluntary and involuntary, from
/// `/proc/<pid>/task/<tid>/status`), in all and by thread name: each is a thread woken (or
/// preempted), the measure of wakeups an idle app should not have.
pub fn switches(root: u32) -> (u64, HashMap<String, u64>) {
    let mut by_name: HashMap<String, u64> = HashMap::new();
    for pid in tree(root) {
        let process = fs::read_to_string(format!("/proc/{pid}/comm"))
            .map(|n| n.trim().to_string())
            .unwrap_or_default();
        for task in fs::read_dir(format!("/proc/{pid}/task"))
            .into_iter()
            .flatten()
            .flatten()
        {
            let dir = task.path();
            let Ok(status) = fs::read_to_string(dir.join("status")) else {
                continue;
            };
            let count: u64 = status
                .lines()
                .filter(|l| {
                    l.starts_with("voluntary_ctxt_switches:")
                        || l.starts_with("nonvoluntary_ctxt_switches:")
                })
                .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
                .sum();
            let thread = fs::read_to_string(dir.join("comm"))
                .map(|n| n.trim().to_string())
                .unwrap_or_default();
            *by_name.entry(format!("{process}/{thread}")).or_default() += count;
        }
    }
    (by_name.values().sum(), by_name)
}

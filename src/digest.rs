//! A content digest for change detection: two independent 64-bit FNV-1a lanes, hex-encoded.
//! Stable across runs, machines and versions (std's hasher is randomly keyed), cheap, and
//! written out here so the local file's SQL function and the sync compute the same thing. It
//! detects edits; it is not a security hash.

#[derive(Clone)]
pub struct Digest(u64, u64);

impl Default for Digest {
    fn default() -> Self {
        Digest(0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142)
    }
}

impl Digest {
    pub fn write(&mut self, bytes: &[u8]) {
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(PRIME);
            self.1 = (self.1 ^ u64::from(b.rotate_left(3))).wrapping_mul(PRIME);
        }
    }

    pub fn finish(&self) -> String {
        format!("{:016x}{:016x}", self.0, self.1)
    }
}

/// The digest of one byte string.
pub fn digest(bytes: &[u8]) -> String {
    let mut d = Digest::default();
    d.write(bytes);
    d.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_sensitive() {
        assert_eq!(digest(b"persona"), digest(b"persona"));
        assert_ne!(digest(b"persona"), digest(b"personb"));
        assert_ne!(digest(b"ab"), digest(b"ba"));
        assert_eq!(digest(b"").len(), 32);
        // Pinned (the first lane is FNV-1a 64 of "a"): a change of the function would silently mark every persona changed.
        assert_eq!(digest(b"a"), "af63dc4c8601ec8ce5c9dc3722c32f0b");
    }
}

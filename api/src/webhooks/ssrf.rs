//! Where a webhook may be sent: an http(s) URL whose name resolves only to public addresses.
//! Loopback, private, link-local (cloud metadata at 169.254.169.254), shared, multicast,
//! unspecified and documentation ranges are refused unless `SSPR_WEBHOOKS_ALLOW_PRIVATE` says
//! otherwise, at registration and again at every delivery (a name may resolve elsewhere later).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

const LOOKUP_TIMEOUT: Duration = Duration::from_secs(3);

/// The URL's host and the addresses it resolves to now, when every one of them may be used.
pub async fn check(url: &str, allow_private: bool) -> Result<(String, Vec<SocketAddr>), String> {
    let parsed = url::Url::parse(url.trim()).map_err(|_| "not a URL".to_owned())?;
    if !matches!(parsed.scheme(), "https" | "http") {
        return Err("must be an http:// or https:// URL".to_owned());
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err("must not hold a user name or password".to_owned());
    }
    let host = parsed
        .host_str()
        .ok_or_else(|| "has no host".to_owned())?
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    let port = parsed
        .port_or_known_default()
        .ok_or_else(|| "has no port".to_owned())?;
    // A name server that does not answer must not hold the request (or a delivery) for long.
    let lookup = tokio::net::lookup_host((host.as_str(), port));
    let addresses: Vec<SocketAddr> = tokio::time::timeout(LOOKUP_TIMEOUT, lookup)
        .await
        .map_err(|_| format!("`{host}` did not resolve within 3 seconds"))?
        .map_err(|_| format!("`{host}` does not resolve"))?
        .collect();
    if addresses.is_empty() {
        return Err(format!("`{host}` does not resolve"));
    }
    if !allow_private && let Some(bad) = addresses.iter().find(|a| !is_public(a.ip())) {
        return Err(format!(
            "`{host}` resolves to {}, a loopback, private or link-local address (SSPR_WEBHOOKS_ALLOW_PRIVATE allows those)",
            bad.ip()
        ));
    }
    Ok((host, addresses))
}

/// Whether an address is on the public internet.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => public_v4(v4),
            None => public_v6(v6),
        },
    }
}

fn public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (carrier NAT)
        || (a == 192 && b == 0 && ip.octets()[2] == 0) // IETF protocol assignments
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || a >= 240) // reserved
}

fn public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00 // unique local
        || (first & 0xffc0) == 0xfe80 // link-local
        || first == 0x2001 && ip.segments()[1] == 0x0db8 // documentation
        || ip.to_ipv4().is_some_and(|v4| !public_v4(v4))) // IPv4-compatible
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_are_public() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    #[tokio::test]
    async fn urls_are_checked_before_anything_is_sent() {
        assert!(check("ftp://example.com/", false).await.is_err());
        assert!(check("http://user:pw@127.0.0.1/", true).await.is_err());
        let refused = check("http://127.0.0.1:9/hook", false).await.unwrap_err();
        assert!(refused.contains("127.0.0.1"), "{refused}");
        assert!(check("http://169.254.169.254/latest", false).await.is_err());
        assert!(check("http://[::1]:9/", false).await.is_err());
        let (host, addresses) = check("http://127.0.0.1:9/hook", true).await.unwrap();
        assert_eq!(host, "127.0.0.1");
        assert_eq!(addresses[0].port(), 9);
    }
}

// The address rule alone: no connection is made anywhere.
import { describe, expect, it } from "vitest"

import { isBlockedAddress } from "./is-blocked-address"

describe("isBlockedAddress", () => {
  it.each([
    ["10/8", "10.0.0.1"],
    ["10/8 top", "10.255.255.254"],
    ["172.16/12", "172.16.0.1"],
    ["172.16/12 top", "172.31.255.255"],
    ["192.168/16", "192.168.1.10"],
    ["169.254/16 (metadata)", "169.254.169.254"],
    ["loopback", "127.0.0.1"],
    ["loopback /8", "127.8.9.10"],
    ["0.0.0.0", "0.0.0.0"],
    ["0/8", "0.1.2.3"],
    ["CGNAT", "100.64.0.1"],
    ["CGNAT top", "100.127.255.255"],
    ["multicast", "224.0.0.1"],
    ["broadcast", "255.255.255.255"],
    ["IPv6 loopback", "::1"],
    ["IPv6 loopback in brackets", "[::1]"],
    ["IPv6 unspecified", "::"],
    ["mapped loopback", "::ffff:127.0.0.1"],
    ["mapped loopback in brackets", "[::ffff:127.0.0.1]"],
    ["mapped loopback, hex form", "::ffff:7f00:1"],
    ["mapped private", "::ffff:10.1.2.3"],
    ["mapped metadata", "::ffff:a9fe:a9fe"],
    ["compatible loopback", "::127.0.0.1"],
    ["NAT64 private", "64:ff9b::10.0.0.1"],
    ["NAT64 loopback, hex form", "64:ff9b::7f00:1"],
    ["6to4 private", "2002:c0a8:0101::1"],
    ["fc00::/7 (fc)", "fc00::1"],
    ["fc00::/7 (fd)", "fd12:3456:789a::1"],
    ["link-local", "fe80::1"],
    ["link-local with zone", "fe80::1%eth0"],
    ["link-local top", "febf::1"],
    ["IPv6 multicast", "ff02::1"],
    ["documentation", "2001:db8::1"],
    ["not an address", "example.org"],
  ])("refuses %s (%s)", (_label, address) => {
    expect(isBlockedAddress(address)).toBe(true)
  })

  it.each([
    ["public IPv4", "193.54.1.1"],
    ["just below 172.16/12", "172.15.255.255"],
    ["just above 172.16/12", "172.32.0.1"],
    ["just above CGNAT", "100.128.0.1"],
    ["just below 169.254/16", "169.253.255.255"],
    ["public IPv6", "2001:660:3302::1"],
    ["mapped public", "::ffff:193.54.1.1"],
    ["NAT64 public", "64:ff9b::193.54.1.1"],
    ["just above fc00::/7", "fe00::1"],
  ])("lets %s (%s) through", (_label, address) => {
    expect(isBlockedAddress(address)).toBe(false)
  })
})

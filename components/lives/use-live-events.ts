"use client"

import { useEffect, useRef, useState } from "react"

import type { LiveEvent } from "@/lib/events/live-feed"

type Handler = (event: LiveEvent) => void
type Connection = { source: EventSource; handlers: Set<Handler>; connected: boolean; onState: Set<(c: boolean) => void> }
const connections = new Map<string, Connection>()
const EVENT_TYPES: LiveEvent["type"][] = ["status", "viewers", "chat", "outcomes", "hidden", "chatState", "question"]

function connect(slug: string): Connection {
  let connection = connections.get(slug)
  if (connection) return connection
  const source = new EventSource(`/api/lives/${encodeURIComponent(slug)}/events`)
  const created: Connection = { source, handlers: new Set(), connected: false, onState: new Set() }
  for (const type of EVENT_TYPES) {
    source.addEventListener(type, (message) => {
      let data: Record<string, unknown>
      try {
        data = JSON.parse((message as MessageEvent<string>).data) as Record<string, unknown>
      } catch {
        return
      }
      const event = { ...data, type } as LiveEvent
      for (const handler of created.handlers) handler(event)
    })
  }
  const setConnected = (value: boolean) => {
    created.connected = value
    for (const f of created.onState) f(value)
  }
  source.onopen = () => setConnected(true)
  source.onerror = () => setConnected(false) // EventSource reconnects by itself (server sends `retry:`)
  connections.set(slug, created)
  connection = created
  return connection
}

/**
 * Subscribes to the events of the live `slug` (one EventSource per page, shared by every component
 * that calls this hook: player, viewer count, chat). Returns whether the stream is connected.
 */
export function useLiveEvents(slug: string, handler: Handler): boolean {
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })
  const [connected, setConnected] = useState(false)
  useEffect(() => {
    const connection = connect(slug)
    const h: Handler = (event) => latest.current(event)
    connection.handlers.add(h)
    connection.onState.add(setConnected)
    setConnected(connection.connected)
    return () => {
      connection.handlers.delete(h)
      connection.onState.delete(setConnected)
      if (connection.handlers.size === 0) {
        connection.source.close()
        connections.delete(slug)
      }
    }
  }, [slug])
  return connected
}

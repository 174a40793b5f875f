#!/bin/sh
# bbb-pod-live's HLS transcoder: turns one live's RTMP stream into the rendition ladder the players
# adapt over. nginx-rtmp runs it once per published stream (`exec` in nginx-rtmp.conf.template) and
# starts it again when it dies (respawn), so a crashed transcoder costs a second, not the live.
#
#   hls-transcode.sh <ffmpeg> <ffprobe> <rtmp input URL> <HLS folder> <stream name> [log file]
#
# Ladder (never upscaled: a rendition is made only when the input is at least that tall):
#   720p  ≈2.5 Mb/s video + 96 kb/s audio   (input ≥ 720 lines)
#   360p  ≈0.8 Mb/s video + 64 kb/s audio   (input ≥ 360 lines)
#   <h>p  the input's own height, ≈0.8 Mb/s (an input below 360 lines: one video rendition as it is)
#   audio ≈64 kb/s, audio only                (any input with sound)
# Keyframes every second whatever the input's GOP (forced), 1 s fragments, a master playlist
# <name>.m3u8 (BANDWIDTH, RESOLUTION, CODECS) naming <name>_<rendition>.m3u8, fragments
# <name>_<rendition>_<n>.ts. A restart appends to the playlists it finds (with a discontinuity),
# so players keep their playlist across it.
set -u
FFMPEG=$1 FFPROBE=$2 INPUT=$3 DIR=$4 NAME=$5 LOG=${6:-/dev/null}

case $NAME in *[!A-Za-z0-9-]*|'') echo "refused stream name: $NAME" >>"$LOG"; exit 1 ;; esac

# What the input carries: its video height (empty: no video) and whether there is sound. A long GOP
# (say 10 s) shows its video only at the next keyframe: nginx-rtmp's metadata (displayHeight) says
# there is one, and the transcoder then listens long enough to see it.
probe=$("$FFPROBE" -v error -analyzeduration 3000000 -probesize 5000000 -show_entries stream=codec_type,height:format_tags=displayHeight \
  -of default=nw=1 "$INPUT" 2>>"$LOG")
height=$(printf '%s\n' "$probe" | sed -n 's/^height=\([0-9][0-9]*\)$/\1/p' | head -n 1)
analyze=3000000
if [ -z "$height" ]; then
  height=$(printf '%s\n' "$probe" | sed -n 's/^TAG:displayHeight=\([0-9][0-9]*\)$/\1/p' | head -n 1)
  [ "${height:-0}" -gt 0 ] 2>/dev/null && analyze=12000000 || height=""
fi
case $probe in *codec_type=audio*) audio=1 ;; *) audio=0 ;; esac
if [ -z "$height" ] && [ "$audio" = 0 ]; then
  echo "$(date -u +%FT%TZ) $NAME: no audio or video stream in the input (yet)" >>"$LOG"
  sleep 1
  exit 1
fi

set -- -hide_banner -nostdin -loglevel warning -fflags nobuffer -analyzeduration $analyze -probesize 50000000 -i "$INPUT"
filters="" maps="" variants="" v=0 a=0
add_video() { # <height> <video kb/s> <audio kb/s> <rendition name>
  filters="$filters[s$v]scale=-2:$1[v$v];"
  maps="$maps -map [v$v] -b:v:$v $2k -maxrate:v:$v $(($2 * 11 / 10))k -bufsize:v:$v $2k"
  if [ "$audio" = 1 ]; then
    maps="$maps -map 0:a:0 -b:a:$a $3k"
    variants="$variants v:$v,a:$a,name:$4"
    a=$((a + 1))
  else
    variants="$variants v:$v,name:$4"
  fi
  v=$((v + 1))
}
if [ -n "$height" ]; then
  [ "$height" -ge 720 ] && add_video 720 2500 96 720p
  [ "$height" -ge 360 ] && add_video 360 800 64 360p
  [ "$height" -lt 360 ] && add_video $((height / 2 * 2)) 800 64 "$((height / 2 * 2))p"
  outs="" i=0
  while [ $i -lt $v ]; do outs="$outs[s$i]"; i=$((i + 1)); done
  split="[0:v:0]split=$v$outs;"
  [ $v = 1 ] && split="[0:v:0]null[s0];"
  set -- "$@" -filter_complex "$split${filters%;}" -c:v libx264 -preset veryfast -tune zerolatency -pix_fmt yuv420p \
    -force_key_frames "expr:gte(t,n_forced*1)" -sc_threshold 0
fi
if [ "$audio" = 1 ]; then
  maps="$maps -map 0:a:0 -b:a:$a 64k"
  variants="$variants a:$a,name:audio"
  set -- "$@" -c:a aac -ar 48000 -ac 2
fi
# shellcheck disable=SC2086 # $maps is a list of words we built
exec "$FFMPEG" "$@" $maps -f hls -hls_time 1 -hls_list_size 6 -hls_delete_threshold 4 \
  -hls_flags delete_segments+independent_segments+append_list+discont_start+temp_file+program_date_time \
  -hls_segment_filename "$DIR/${NAME}_%v_%d.ts" -master_pl_name "$NAME.m3u8" -var_stream_map "${variants# }" \
  "$DIR/${NAME}_%v.m3u8" 2>>"$LOG"

/**
 * A short, soft two-note chime (WebAudio) for when the timer reaches zero: audible in a quiet room, not
 * alarming. Browsers only allow sound after the person has interacted with the page; before that it is silent
 * and the visual cue alone remains.
 */
export function playChime(): void {
  const AudioContextClass =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
  if (!AudioContextClass) return
  try {
    const context = new AudioContextClass()
    const notes = [
      { frequency: 660, start: 0 },
      { frequency: 880, start: 0.35 },
    ]
    for (const { frequency, start } of notes) {
      const oscillator = context.createOscillator()
      const gain = context.createGain()
      oscillator.type = 'sine'
      oscillator.frequency.value = frequency
      const t0 = context.currentTime + start
      gain.gain.setValueAtTime(0, t0)
      gain.gain.linearRampToValueAtTime(0.12, t0 + 0.05)
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 1.1)
      oscillator.connect(gain).connect(context.destination)
      oscillator.start(t0)
      oscillator.stop(t0 + 1.2)
    }
    setTimeout(() => void context.close(), 2000)
  } catch {
    // No audio device: the visual cue is enough.
  }
}

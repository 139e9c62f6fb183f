const common = {
  width: 18,
  height: 18,
  viewBox: '0 0 20 20',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
};

export const icons = {
  launchpad: (
    <svg {...common}>
      <path d="M10 2.5c3 1.8 4.5 4.7 4.2 8.3L12 13H8l-2.2-2.2C5.5 7.2 7 4.3 10 2.5Z" />
      <circle cx="10" cy="7.5" r="1.5" />
      <path d="M8 13l-1.5 4M12 13l1.5 4" />
    </svg>
  ),
  integrations: (
    <svg {...common}>
      <path d="M6 14.5h8.5a3 3 0 0 0 .3-6A4.5 4.5 0 0 0 6.2 7 3.8 3.8 0 0 0 6 14.5Z" />
    </svg>
  ),
  stacks: (
    <svg {...common}>
      <path d="m10 3 7 3.5-7 3.5-7-3.5L10 3Z" />
      <path d="m3 10 7 3.5 7-3.5M3 13.5 10 17l7-3.5" />
    </svg>
  ),
  settings: (
    <svg {...common}>
      <circle cx="10" cy="10" r="2.5" />
      <path d="M10 2.5v2M10 15.5v2M2.5 10h2M15.5 10h2M4.7 4.7l1.4 1.4M13.9 13.9l1.4 1.4M4.7 15.3l1.4-1.4M13.9 6.1l1.4-1.4" />
    </svg>
  ),
};
